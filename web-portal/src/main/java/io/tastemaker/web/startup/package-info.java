/** What happens when the server starts: the operator account on first start. */
package io.tastemaker.web.startup;
