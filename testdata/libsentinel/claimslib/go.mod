module example.com/claimslib

go 1.22
