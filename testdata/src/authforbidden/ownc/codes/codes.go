// Package codes is a service's own table of statuses.
package codes

// Forbidden is 403.
const Forbidden = 403
