// Package apierr is a service's own error envelope: a status field, a
// constructor taking the status, a With… copy, and one writer.
package apierr

import (
	"errors"
	"net/http"
)

// Problem is an error that knows its status.
type Problem struct {
	Status int
	Title  string
	Detail string
}

func (p *Problem) Error() string { return p.Title }

// Make builds a problem answered with status.
func Make(status int, title string) *Problem {
	return &Problem{Status: status, Title: title}
}

// Detailed returns a copy of p with a detail.
func (p *Problem) Detailed(d string) *Problem {
	cp := *p
	cp.Detail = d
	return &cp
}

// Denied and Missing are shared problems.
var (
	Denied  = Make(http.StatusForbidden, "denied")
	Missing = Make(http.StatusNotFound, "missing")
)

// Render writes the status err carries, 500 for any other error.
func Render(w http.ResponseWriter, err error) {
	var p *Problem
	if !errors.As(err, &p) {
		p = Make(http.StatusInternalServerError, "internal")
	}
	w.WriteHeader(p.Status)
}
