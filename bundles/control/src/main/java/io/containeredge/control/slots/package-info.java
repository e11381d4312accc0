/** Local slot files (prices, generation forecasts): their strict reading and the watching of their versions. */
package io.containeredge.control.slots;
