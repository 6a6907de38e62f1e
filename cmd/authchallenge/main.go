// Command authchallenge reports HTTP and gRPC authentication failures
// answered with the wrong status or without a challenge.
//
//	authchallenge [flags] [packages]
//	go vet -vettool=$(command -v authchallenge) [packages]
//
// Run `authchallenge -help` for the flags and exit codes.
package main

import (
	"os"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/internal/driver"
)

func main() {
	rules := analyzer.Rules()
	if driver.VetMode(os.Args[1:]) {
		driver.Vet(rules) // does not return
	}
	os.Exit(driver.Main(os.Args[1:], rules, os.Stdout, os.Stderr))
}
