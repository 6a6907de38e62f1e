// Package errors is a stub of github.com/pkg/errors for the fixtures.
package errors

import stderrors "errors"

type withStack struct{ error }

func (w withStack) Unwrap() error { return w.error }

// New returns an error with a message.
func New(msg string) error { return stderrors.New(msg) }

// WithStack annotates err with a stack trace.
func WithStack(err error) error {
	if err == nil {
		return nil
	}
	return withStack{err}
}

// Wrap annotates err with a message.
func Wrap(err error, msg string) error {
	if err == nil {
		return nil
	}
	return withStack{err}
}

// Wrapf annotates err with a formatted message.
func Wrapf(err error, format string, args ...any) error { return Wrap(err, format) }

// Is reports whether err matches target.
func Is(err, target error) bool { return stderrors.Is(err, target) }

// As finds the first error in err's chain that matches target.
func As(err error, target any) bool { return stderrors.As(err, target) }
