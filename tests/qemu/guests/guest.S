/*
 * guest.S: a boot sector that waits for the ACPI power button, then does
 * one thing a guest OS could do. Assembled with `as --defsym ACTION=N`:
 *   0  power off (ACPI S5: SLP_TYP=0, SLP_EN in PM1_CNT)
 *   1  reset (keyboard controller pulse, 0xfe to port 0x64)
 *   2  panic (pvpanic: bit 0 to ISA port 0x505)
 *   3  suspend to RAM (ACPI S3: SLP_TYP=1, SLP_EN in PM1_CNT)
 * Output on the debug port 0x402 and on COM1: 'B' at boot, 'W' while waiting, 'A' when the
 * button came. Works on the pc (PIIX4 PM) and q35 (ICH9 LPC) machines.
 */
    .code16
    .globl _start

    .equ DEBUG_PORT, 0x402
    .equ COM1, 0x3f8
    .equ PCI_ADDR, 0x0cf8
    .equ PCI_DATA, 0x0cfc
    .equ PWRBTN, 0x0100          /* PM1_STS / PM1_EN bit 8 */
    .equ SLP_EN, 0x2000          /* PM1_CNT bit 13 */

_start:
    cli
    xor %ax, %ax
    mov %ax, %ds
    mov %ax, %ss
    mov $0x7c00, %sp
    mov $'B', %al
    call debug

    /* The ACPI PM I/O base: PIIX4 function 00:01.3 (id 8086:7113) has it
     * at config 0x40 (bits 15:6); otherwise ICH9 LPC 00:1f.0, also at 0x40
     * (bits 15:7). */
    mov $0x80000b00, %eax
    call pci_read
    cmp $0x71138086, %eax
    jne ich9
    mov $0x80000b40, %eax
    call pci_read
    and $0xffc0, %ax
    jmp have_base
ich9:
    mov $0x8000f840, %eax
    call pci_read
    and $0xff80, %ax
have_base:
    mov %ax, %bx                 /* bx: PM1_STS; +2 PM1_EN; +4 PM1_CNT */

    lea 2(%bx), %dx
    mov $PWRBTN, %ax
    out %ax, %dx

    /* 'W' at every timer tick while waiting, so that a reader connecting
     * late still learns that the guest is ready. */
idle:
    mov $'W', %al
    call debug
    sti
    hlt                          /* the timer interrupt wakes us */
    cli
    mov %bx, %dx
    in %dx, %ax
    test $PWRBTN, %ax
    jz idle
    out %ax, %dx                 /* acknowledge: write 1 to clear */
    mov $'A', %al
    call debug

.if ACTION == 0
    lea 4(%bx), %dx
    mov $SLP_EN, %ax
    out %ax, %dx
.endif
.if ACTION == 1
    mov $0xfe, %al
    out %al, $0x64
.endif
.if ACTION == 2
    mov $0x505, %dx
    mov $1, %al
    out %al, %dx
.endif
.if ACTION == 3
    lea 4(%bx), %dx
    mov $(SLP_EN | (1 << 10)), %ax
    out %ax, %dx
    jmp idle                     /* after a wakeup without a vector */
.endif
stop:
    hlt
    jmp stop

/* eax: a PCI configuration address; returns its dword in eax. */
pci_read:
    mov $PCI_ADDR, %dx
    out %eax, %dx
    mov $PCI_DATA, %dx
    in %dx, %eax
    ret

/* al: one character to the debug port and to COM1 (QEMU's UART takes
 * it without any setup). */
debug:
    mov $DEBUG_PORT, %dx
    out %al, %dx
    mov $COM1, %dx
    out %al, %dx
    ret

    .org 510
    .word 0xaa55
    /* A 1 MiB disk: q35's AHCI does not boot from a 512-byte one. */
    .fill 1048576 - 512, 1, 0
