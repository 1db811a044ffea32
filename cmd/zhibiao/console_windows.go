package main

import "syscall"

// On Windows the console shows UTF-8 output as garbage unless told that
// it is UTF-8 (code page 65001).
func init() {
	kernel32 := syscall.NewLazyDLL("kernel32.dll")
	kernel32.NewProc("SetConsoleOutputCP").Call(65001)
	kernel32.NewProc("SetConsoleCP").Call(65001)
}
