module example.com/jwtlib

go 1.22
