package io.trainflow.plugin.web;

import io.trainflow.connectors.jdbc.WriteBuckets;
import io.trainflow.workflows.problems.TrainflowProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Per-person limit on writes (POST, PUT, PATCH, DELETE under {@code /api}): {@code trainflow.limits.writes-per-minute}
 * (60) as a bucket that refills continuously, so a person may burst that many and then one a second. Refused
 * writes count too: a flood of bad input is still a flood. Sign-in delays are the sign-in's business, not this.
 * The buckets are in the database ({@link WriteBuckets}), shared by every node.
 */
@Component
public class WriteRateLimit implements HandlerInterceptor, WebMvcConfigurer {

    private final double perMinute;
    private final Clock clock;
    private final WriteBuckets buckets;

    public WriteRateLimit(@Value("${trainflow.limits.writes-per-minute:60}") int perMinute, DataSource dataSource) {
        this.perMinute = perMinute;
        this.clock = Clock.systemUTC();
        this.buckets = new WriteBuckets(dataSource);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || who.getName() == null) {
            return true; // the sign-in refuses it
        }
        long waitSeconds = buckets.take(who.getName(), perMinute, clock.millis());
        if (waitSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(waitSeconds));
            throw new TooManyWrites(who.getName() + " made more than " + (int) perMinute
                    + " changes in a minute; try again in " + waitSeconds + " s");
        }
        return true;
    }

    /** 429: slow down. */
    public static final class TooManyWrites extends TrainflowProblem {
        private static final long serialVersionUID = 1L;

        TooManyWrites(String message) {
            super(message, Map.of());
        }
    }
}
