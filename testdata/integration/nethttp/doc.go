// Package nethttp holds plain net/http authentication code for the
// nochallenge rule: handlers, middleware and helpers that answer 401 or 407,
// some with the challenge header the status requires and some without.
package nethttp
