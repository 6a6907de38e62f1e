// Command golangci-lint is golangci-lint v2 with the authchallenge module
// plugin compiled in: the binary `golangci-lint custom` would build from
// .custom-gcl.yml, built from the module proxy alone (no clone of
// golangci-lint). The main function is golangci-lint's own
// (cmd/golangci-lint); the blank import registers the plugin.
//
//	cd tools/golangci && go build -o ../../bin/golangci-lint-authchallenge .
//
// See docs/golangci-lint.md.
package main

import (
	"cmp"
	"fmt"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/authchallenge/authchallenge/analyzer/golangci"
)

var (
	goVersion = "unknown"

	// Set with -ldflags "-X main.version=..." if wanted; by default the
	// version is golangci-lint's module version from the build info.
	version = "unknown"
	commit  = "?"
	date    = ""
)

func main() {
	info := createBuildInfo()

	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// createBuildInfo follows golangci-lint's cmd/golangci-lint, except that
// the main module here is this tools module (its version is "(devel)"), so
// the version reported is the golangci-lint dependency's.
func createBuildInfo() commands.BuildInfo {
	info := commands.BuildInfo{
		Commit:    commit,
		Version:   version,
		GoVersion: goVersion,
		Date:      date,
	}

	buildInfo, available := debug.ReadBuildInfo()
	if !available {
		return info
	}

	info.GoVersion = buildInfo.GoVersion

	if date != "" {
		return info
	}

	info.Version = buildInfo.Main.Version
	for _, dep := range buildInfo.Deps {
		if dep.Path == "github.com/golangci/golangci-lint/v2" {
			info.Version = dep.Version
			if dep.Replace != nil {
				info.Version = dep.Replace.Version
			}
		}
	}

	matched, _ := regexp.MatchString(`v\d+\.\d+\.\d+`, info.Version)
	if matched {
		info.Version = strings.TrimPrefix(info.Version, "v")
	}

	var revision string
	var modified string
	for _, setting := range buildInfo.Settings {
		// The `vcs.xxx` information is only available with `go build`.
		// This information is not available with `go install` or `go run`.
		switch setting.Key {
		case "vcs.time":
			info.Date = setting.Value
		case "vcs.revision":
			revision = setting.Value
		case "vcs.modified":
			modified = setting.Value
		}
	}

	info.Date = cmp.Or(info.Date, "(unknown)")

	info.Commit = fmt.Sprintf("(%s, modified: %s, mod sum: %q)",
		cmp.Or(revision, "unknown"), cmp.Or(modified, "?"), buildInfo.Main.Sum)

	return info
}
