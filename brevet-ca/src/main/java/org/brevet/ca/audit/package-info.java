/** The audit trail's event names and its file writer (Dogtag's record shape, forced to disk per event). */
package org.brevet.ca.audit;
