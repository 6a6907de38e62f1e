// Package realm formats the answers of the schemes; it imports nothing
// HTTP-related.
package realm

import (
	"fmt"
	"strings"
)

// Bearer formats an RFC 6750 challenge.
func Bearer(realm string) string { // want Bearer:`returns challenge "Bearer realm="`
	return fmt.Sprintf("Bearer realm=%q", realm)
}

// Label names a realm for people: no challenge.
func Label(realm string) string {
	return fmt.Sprintf("%s users", realm)
}

// Token builds an RFC 6750 challenge with an optional error code: what the
// builder holds starts with its first write.
func Token(realm, code string) string { // want Token:`returns challenge "Bearer realm="`
	var b strings.Builder
	fmt.Fprintf(&b, "Bearer realm=%q", realm)
	if code != "" {
		fmt.Fprintf(&b, ", error=%q", code)
	}
	return b.String()
}

// Maybe writes a challenge only for a realm: its first write is under a
// condition, so what it returns is not known.
func Maybe(realm string) string {
	var b strings.Builder
	if realm != "" {
		b.WriteString("Basic realm=")
		b.WriteString(realm)
	}
	return b.String()
}
