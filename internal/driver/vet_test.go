package driver

import "testing"

// TestVetMode: go vet's calls (-V=full, -flags, a .cfg file) and nothing else.
func TestVetMode(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"./..."}, false},
		{[]string{"-json", "./..."}, false},
		{[]string{"-version"}, false},
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"--flags"}, true},
		{[]string{"-nochallenge=false", "/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"vet.cfg"}, true},
	} {
		if got := VetMode(tc.args); got != tc.want {
			t.Errorf("VetMode(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
