/** Who is calling (client certificate to user, exact match), what roles allow, and user administration. */
package org.brevet.ca.auth;
