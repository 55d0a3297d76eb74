package io.trainflow.plugin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Trainflow as a service: engine, REST API, task inbox, syncs with the LMS and the HCM. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class TrainflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainflowApplication.class, args);
    }
}
