/** CMC enrollment: who may sign a Full PKI Request, and how its requests reach the enrollment use case. */
package org.brevet.ca.cmc;
