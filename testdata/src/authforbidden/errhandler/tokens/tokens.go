// Package tokens declares the errors of a token library; it returns none of
// them itself: its callers do, and decide what each means.
package tokens

import "errors"

// ErrMalformed is returned by callers when a bearer token cannot be parsed.
var ErrMalformed = errors.New("malformed bearer token")

// ErrRateLimited is returned by callers when a client asks too often.
var ErrRateLimited = errors.New("too many requests")

// ErrSuspended is returned by callers for a suspended account.
var ErrSuspended = errors.New("account suspended")
