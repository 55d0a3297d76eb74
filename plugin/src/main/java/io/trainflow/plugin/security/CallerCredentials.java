package io.trainflow.plugin.security;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One more way an API call proves who it is, beside the API key (e.g. the token an LTI launch gives the page
 * embedded in Moodle): its filter signs the call in from its own header. Such a call carries its credentials
 * itself, so like an API key call it needs no CSRF token (a page of another site cannot set the header).
 */
public interface CallerCredentials {

    /** The header carrying the credentials. */
    String header();

    /** Signs in a call carrying {@link #header()}, or refuses it; passes others on untouched. */
    OncePerRequestFilter filter();
}
