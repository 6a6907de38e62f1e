package response_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/benchkit"
	"github.com/authchallenge/authchallenge/passes/response"
)

// BenchmarkResponse times the response pass alone on the synthetic module (see
// package benchkit): one package of each kind, the fast path, the module.
//
//	go test -run '^$' -bench . -benchmem ./passes/response
func BenchmarkResponse(b *testing.B) { benchkit.Bench(b, response.Analyzer) }
