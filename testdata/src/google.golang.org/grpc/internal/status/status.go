// Package status is a test stub of the real grpc internal status API subset, written for authchallenge fixtures.
package status

import "google.golang.org/grpc/codes"

type Status struct {
	code codes.Code
	msg  string
}

func New(c codes.Code, msg string) *Status { return &Status{code: c, msg: msg} }

func Newf(c codes.Code, format string, a ...any) *Status { return &Status{code: c} }

func (s *Status) Code() codes.Code { return s.code }

func (s *Status) Message() string { return s.msg }

func (s *Status) Err() error { return nil }

func (s *Status) Details() []any { return nil }

func (s *Status) String() string { return "" }
