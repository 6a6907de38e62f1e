// Package status is a test stub of the real grpc status API subset, written for authchallenge fixtures.
package status

import (
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/internal/status"
)

type Status = status.Status

func New(c codes.Code, msg string) *Status { return status.New(c, msg) }

func Newf(c codes.Code, format string, a ...any) *Status { return status.Newf(c, format, a...) }

func Error(c codes.Code, msg string) error { return nil }

func Errorf(c codes.Code, format string, a ...any) error { return nil }

func FromError(err error) (s *Status, ok bool) { return nil, false }

func Convert(err error) *Status { return nil }

func Code(err error) codes.Code { return codes.Unknown }

func FromContextError(err error) *Status { return nil }
