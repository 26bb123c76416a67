/** Certificate requests: end-entity enrollment and agent review. */
package org.brevet.ca.request;
