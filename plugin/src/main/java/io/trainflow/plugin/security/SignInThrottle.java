package io.trainflow.plugin.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Growing delays after failed password sign-ins, per account and per address. A stranger cannot lock
 * anyone out: the account's delay is short ({@code maxAccountDelay}) and does not apply from an address
 * the account has signed in from before; the long delays fall on the guessing address. Unknown usernames
 * count like known ones (no hint which exist). Memory is bounded: the least recently seen go first.
 */
final class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;
    private static final Duration TRUST_ADDRESS_FOR = Duration.ofDays(30);

    private record Failures(int count, Instant last) {}

    private final SignInProperties.Throttle settings;
    private final Clock clock;
    private final Map<String, Failures> accounts = lru();
    private final Map<String, Failures> addresses = lru();
    private final Map<String, Instant> trusted = lru();

    SignInThrottle(SignInProperties.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long this attempt must wait (zero: check the password now). */
    synchronized Duration waitBefore(String account, String address) {
        Instant now = clock.instant();
        Duration wait =
                remaining(addresses.get(address), settings.freeAddressFailures(), settings.maxAddressDelay(), now);
        if (!isTrusted(account, address, now)) {
            Duration accountWait = remaining(
                    accounts.get(key(account)), settings.freeAccountFailures(), settings.maxAccountDelay(), now);
            wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
        }
        return wait;
    }

    synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        addresses.put(address, next(addresses.get(address), now));
        accounts.put(key(account), next(accounts.get(key(account)), now));
    }

    /** The account's failures are forgotten and its address trusted; the address's own failures stay. */
    synchronized void succeeded(String account, String address) {
        accounts.remove(key(account));
        trusted.put(key(account) + " " + address, clock.instant().plus(TRUST_ADDRESS_FOR));
    }

    private boolean isTrusted(String account, String address, Instant now) {
        Instant until = trusted.get(key(account) + " " + address);
        return until != null && now.isBefore(until);
    }

    private Failures next(Failures before, Instant now) {
        boolean forgotten = before == null
                || now.isAfter(before.last().plus(settings.forgetAfter()).plus(settings.maxAddressDelay()));
        return new Failures(forgotten ? 1 : before.count() + 1, now);
    }

    private Duration remaining(Failures failures, int free, Duration max, Instant now) {
        if (failures == null || failures.count() < free) {
            return Duration.ZERO;
        }
        Duration delay = delay(failures.count() - free, max);
        Duration left = Duration.between(now, failures.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** firstDelay doubled for every failure past the free ones, at most {@code max}. */
    private Duration delay(int past, Duration max) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < past && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private static String key(String account) {
        return account == null ? "" : account.toLowerCase(Locale.ROOT);
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
