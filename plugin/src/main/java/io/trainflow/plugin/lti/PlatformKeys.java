package io.trainflow.plugin.lti;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each platform's public keys, fetched from its JWKS URL and cached (Nimbus {@link JWKSourceBuilder}): a token
 * naming a key id the cache lacks makes one fetch of the set (a platform rotated its key), at most twice per
 * 30 seconds per platform, so forged key ids cannot make Trainflow hammer the platform.
 */
class PlatformKeys {

    private static final long CACHE_MILLIS = 15 * 60_000L;
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BYTES = 256 * 1024;

    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

    JWKSource<SecurityContext> of(Platform platform) {
        return sources.computeIfAbsent(platform.jwksUrl(), url -> {
            try {
                return JWKSourceBuilder.create(
                                URI.create(url).toURL(),
                                new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_BYTES))
                        .cache(CACHE_MILLIS, TIMEOUT_MILLIS)
                        .retrying(false)
                        .build();
            } catch (MalformedURLException e) {
                throw new LaunchRefused(500, "The platform's JWKS URL " + url + " is not a URL: register it again");
            }
        });
    }
}
