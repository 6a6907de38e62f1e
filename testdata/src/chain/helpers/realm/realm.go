// Package realm formats the answers of the schemes; it imports nothing
// HTTP-related.
package realm

import "fmt"

// Bearer formats an RFC 6750 challenge.
func Bearer(realm string) string { // want Bearer:`returns challenge "Bearer realm="`
	return fmt.Sprintf("Bearer realm=%q", realm)
}

// Label names a realm for people: no challenge.
func Label(realm string) string {
	return fmt.Sprintf("%s users", realm)
}
