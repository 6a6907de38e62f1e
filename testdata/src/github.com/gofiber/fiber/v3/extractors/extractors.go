// Package extractors is a test stub of the real fiber v3 extractors API subset, written for authchallenge fixtures.
package extractors

import (
	"errors"

	"github.com/gofiber/fiber/v3"
)

var ErrNotFound = errors.New("value not found")

type Source int

const (
	SourceHeader Source = iota
	SourceAuthHeader
	SourceForm
	SourceQuery
	SourceParam
	SourceCookie
	SourceCustom
)

type Extractor struct {
	Extract    func(fiber.Ctx) (string, error)
	Key        string
	AuthScheme string
	Chain      []Extractor
	Source     Source
}

func none(fiber.Ctx) (string, error) { return "", ErrNotFound }

func FromAuthHeader(authScheme string) Extractor {
	return Extractor{Extract: none, Key: fiber.HeaderAuthorization, AuthScheme: authScheme, Source: SourceAuthHeader}
}

func FromHeader(header string) Extractor {
	return Extractor{Extract: none, Key: header, Source: SourceHeader}
}

func FromQuery(param string) Extractor {
	return Extractor{Extract: none, Key: param, Source: SourceQuery}
}

func FromCookie(key string) Extractor {
	return Extractor{Extract: none, Key: key, Source: SourceCookie}
}

func FromForm(param string) Extractor {
	return Extractor{Extract: none, Key: param, Source: SourceForm}
}

func FromParam(param string) Extractor {
	return Extractor{Extract: none, Key: param, Source: SourceParam}
}

func FromCustom(key string, fn func(fiber.Ctx) (string, error)) Extractor {
	return Extractor{Extract: fn, Key: key, Source: SourceCustom}
}

func Chain(extractors ...Extractor) Extractor {
	return Extractor{Extract: none, Chain: extractors}
}
