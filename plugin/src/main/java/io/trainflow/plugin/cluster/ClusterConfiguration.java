package io.trainflow.plugin.cluster;

import io.trainflow.plugin.config.NodeProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Nodes sharing one database coordinate through it: no extra service to run. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    ClusterLock clusterLock(DataSource dataSource, NodeProperties node) {
        return new ClusterLock(dataSource, node.id(), Clock.systemUTC());
    }
}
