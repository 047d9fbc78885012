#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# Builds a whole domain from Python alone through LibvirtGConfig-1.0 (disks,
# interfaces, graphics, console, NUMA cells, numatune), parses the XML back
# with xml.etree and checks the values; checks that malformed XML raises a
# GLib.Error in the library's error domain; round-trips a capabilities
# document. TAP output.
#
# Must run under Debian's /usr/bin/python3 (python3-gi), with GI_TYPELIB_PATH
# and LD_LIBRARY_PATH pointing at the build tree first.

import sys
import traceback
import xml.etree.ElementTree as ET

import gi
gi.require_version('GLib', '2.0')
gi.require_version('LibvirtGConfig', '1.0')
from gi.repository import GLib, LibvirtGConfig as C  # noqa: E402
from checks import check, check_equal  # noqa: E402  (python3 -O keeps these)


CAPABILITIES = '''<capabilities>
  <host>
    <uuid>6a3f2c4e-8d1b-4e5f-9a7c-0b1d2e3f4a5b</uuid>
    <cpu>
      <arch>x86_64</arch>
      <model>Skylake-Client-IBRS</model>
      <topology sockets="1" cores="4" threads="2"/>
      <feature name="ds"/>
      <feature name="acpi"/>
    </cpu>
    <topology>
      <cells num="2">
        <cell id="0"><memory unit="KiB">8388608</memory></cell>
        <cell id="1"><memory unit="KiB">8388608</memory></cell>
      </cells>
    </topology>
    <secmodel>
      <model>dac</model>
      <doi>0</doi>
    </secmodel>
  </host>
  <guest>
    <os_type>hvm</os_type>
    <arch name="x86_64">
      <emulator>/usr/bin/qemu-system-x86_64</emulator>
      <domain type="qemu"/>
      <domain type="kvm"/>
    </arch>
    <features>
      <acpi default="on" toggle="yes"/>
    </features>
  </guest>
</capabilities>'''


def make_disk(source, dev, bus, device_type, fmt):
    disk = C.DomainDisk.new()
    disk.set_type(C.DomainDiskType.FILE)
    disk.set_guest_device_type(device_type)
    driver = C.DomainDiskDriver.new()
    driver.set_name('qemu')
    driver.set_format(fmt)
    driver.set_cache(C.DomainDiskCacheType.NONE)
    disk.set_driver(driver)
    disk.set_source(source)
    disk.set_target_bus(bus)
    disk.set_target_dev(dev)
    return disk


def make_numa_cell(cell_id, cpus, memory):
    cell = C.DomainNumaCell.new()
    cell.set_id(cell_id)
    cell.set_cpus(cpus)
    cell.set_memory(memory)
    return cell


def build_domain():
    domain = C.Domain.new()
    domain.set_virt_type(C.DomainVirtType.KVM)
    domain.set_name('pydemo')
    domain.set_uuid('8f1e0f1c-7d0e-4c3b-9a51-2f4b8d6c1e20')
    domain.set_memory(4 * 1024 * 1024)
    domain.set_vcpus(4)
    domain.set_features(['acpi', 'apic'])

    os = C.DomainOs.new()
    os.set_os_type(C.DomainOsType.HVM)
    os.set_arch('x86_64')
    os.set_boot_devices([C.DomainOsBootDevice.HD, C.DomainOsBootDevice.CDROM])
    domain.set_os(os)

    cpu = C.DomainCpu.new()
    cpu.set_mode(C.DomainCpuMode.HOST_PASSTHROUGH)
    cpu.add_numa_cell(make_numa_cell(0, '0-1', 2 * 1024 * 1024))
    cpu.add_numa_cell(make_numa_cell(1, '2-3', 2 * 1024 * 1024))
    domain.set_cpu(cpu)

    numatune = C.DomainNumatune.new()
    numatune.set_memory_mode(C.DomainNumatuneMemoryMode.STRICT)
    numatune.set_memory_nodeset('0-1')
    for cell_id in (0, 1):
        memnode = C.DomainNumatuneMemnode.new()
        memnode.set_cellid(cell_id)
        memnode.set_mode(C.DomainNumatuneMemoryMode.PREFERRED)
        memnode.set_nodeset(str(cell_id))
        numatune.add_memnode(memnode)
    domain.set_numatune(numatune)

    devices = [
        make_disk('/var/lib/images/py.qcow2', 'vda', C.DomainDiskBus.VIRTIO,
                  C.DomainDiskGuestDeviceType.DISK, C.DomainDiskFormat.QCOW2),
        make_disk('/srv/iso/install.iso', 'sda', C.DomainDiskBus.SATA,
                  C.DomainDiskGuestDeviceType.CDROM, C.DomainDiskFormat.RAW),
    ]

    net = C.DomainInterfaceNetwork.new()
    net.set_source('default')
    net.set_mac('52:54:00:aa:bb:01')
    net.set_model('virtio')
    devices.append(net)
    bridge = C.DomainInterfaceBridge.new()
    bridge.set_source('br0')
    bridge.set_mac('52:54:00:aa:bb:02')
    devices.append(bridge)

    spice = C.DomainGraphicsSpice.new()
    spice.set_autoport(False)
    spice.set_port(5930)
    devices.append(spice)
    vnc = C.DomainGraphicsVnc.new()
    vnc.set_autoport(True)
    devices.append(vnc)

    console = C.DomainConsole.new()
    pty = C.DomainChardevSourcePty.new()
    console.set_source(pty)
    console.set_target_type(C.DomainConsoleTargetType.VIRTIO)
    devices.append(console)

    domain.set_devices(devices)
    return domain


def test_build_domain():
    domain = build_domain()
    root = ET.fromstring(domain.to_xml())

    check_equal(root.tag, 'domain')
    check_equal(root.get('type'), 'kvm', 'domain type')
    check_equal(root.findtext('name'), 'pydemo')
    check_equal(root.findtext('uuid'), '8f1e0f1c-7d0e-4c3b-9a51-2f4b8d6c1e20')
    check_equal(root.findtext('memory'), str(4 * 1024 * 1024))
    check_equal(root.findtext('vcpu'), '4')
    check_equal([f.tag for f in root.find('features')], ['acpi', 'apic'])
    check_equal(root.find('os/type').text, 'hvm')
    check_equal(root.find('os/type').get('arch'), 'x86_64')
    check_equal([b.get('dev') for b in root.findall('os/boot')], ['hd', 'cdrom'])

    cells = root.findall('cpu/numa/cell')
    check_equal([(c.get('id'), c.get('cpus'), c.get('memory')) for c in cells],
                [('0', '0-1', str(2 * 1024 * 1024)), ('1', '2-3', str(2 * 1024 * 1024))],
                'NUMA cells')
    check_equal(root.find('cpu').get('mode'), 'host-passthrough')

    memory = root.find('numatune/memory')
    check_equal((memory.get('mode'), memory.get('nodeset')), ('strict', '0-1'), 'numatune memory')
    memnodes = root.findall('numatune/memnode')
    check_equal([(m.get('cellid'), m.get('mode'), m.get('nodeset')) for m in memnodes],
                [('0', 'preferred', '0'), ('1', 'preferred', '1')], 'memnodes')

    disks = root.findall('devices/disk')
    check_equal([(d.get('device'), d.find('source').get('file'), d.find('target').get('dev'),
                 d.find('target').get('bus'), d.find('driver').get('type')) for d in disks], [
        ('disk', '/var/lib/images/py.qcow2', 'vda', 'virtio', 'qcow2'),
        ('cdrom', '/srv/iso/install.iso', 'sda', 'sata', 'raw'),
    ], [ET.tostring(d) for d in disks])

    ifaces = root.findall('devices/interface')
    check_equal([i.get('type') for i in ifaces], ['network', 'bridge'])
    check_equal(ifaces[0].find('source').get('network'), 'default')
    check_equal(ifaces[0].find('mac').get('address'), '52:54:00:aa:bb:01')
    check_equal(ifaces[0].find('model').get('type'), 'virtio')
    check_equal(ifaces[1].find('source').get('bridge'), 'br0')

    graphics = root.findall('devices/graphics')
    check_equal([(g.get('type'), g.get('autoport'), g.get('port')) for g in graphics],
                [('spice', 'no', '5930'), ('vnc', 'yes', None)], 'graphics')
    console = root.find('devices/console')
    check_equal(console.get('type'), 'pty', 'console type')
    check_equal(console.find('target').get('type'), 'virtio', 'console target type')

    # The objects read back what the XML says.
    again = C.Domain.new_from_xml(domain.to_xml())
    check_equal(again.get_name(), 'pydemo')
    check_equal(again.get_memory(), 4 * 1024 * 1024)
    check_equal([type(d).__name__ for d in again.get_devices()], [
        'DomainDisk', 'DomainDisk', 'DomainInterfaceNetwork', 'DomainInterfaceBridge',
        'DomainGraphicsSpice', 'DomainGraphicsVnc', 'DomainConsole'])
    numatune = again.get_numatune()
    check_equal(numatune.get_memory_nodeset(), '0-1')
    check_equal(numatune.get_memory_mode(), C.DomainNumatuneMemoryMode.STRICT)


def test_invalid_values():
    cell = C.DomainNumaCell.new()
    try:
        cell.set_cpus('0-x')
    except GLib.Error as e:
        check_equal(e.domain, 'gvir-config-error-quark')
        check(e.matches(GLib.quark_from_string('gvir-config-error-quark'), int(C.Error.INVALID)),
              (e.code, e.message))
        check_equal(e.message, "Invalid cpus '0-x': expected a number at offset 2")
    else:
        raise AssertionError('a malformed cpu list was accepted')
    check(cell.get_cpus() is None, cell.get_cpus())


def test_malformed_xml():
    # Each message says what is wrong in words a user can act on.
    cases = [
        ('<domain><name>x</domain>', 'Malformed XML at line 1: Premature end of data'),
        ('', 'The XML document is empty'),
        ('not xml at all', "Malformed XML at line 1: Start tag expected, '<' not found"),
        ('<network/>', 'Expected the root element <domain>, found <network>'),
    ]
    for bad, message in cases:
        try:
            C.Domain.new_from_xml(bad)
        except GLib.Error as e:
            check_equal(e.domain, 'gvir-config-error-quark', repr(bad))
            check_equal(e.code, int(C.Error.XML), '%r (%s)' % (bad, e.message))
            check(e.message.startswith(message), '%r: message %r' % (bad, e.message))
        else:
            raise AssertionError('malformed XML accepted: %r' % bad)


def test_capabilities_round_trip():
    caps = C.Capabilities.new_from_xml(CAPABILITIES)
    host = caps.get_host()
    check_equal(host.get_uuid(), '6a3f2c4e-8d1b-4e5f-9a7c-0b1d2e3f4a5b')
    cpu = host.get_cpu()
    check_equal(cpu.get_arch(), 'x86_64')
    check_equal(cpu.get_model().get_name(), 'Skylake-Client-IBRS')
    check_equal(cpu.get_topology().get_cores(), 4)
    check_equal([f.get_name() for f in cpu.get_features()], ['ds', 'acpi'])
    check_equal([(s.get_model(), s.get_doi()) for s in host.get_secmodels()], [('dac', '0')])
    guests = caps.get_guests()
    check_equal(len(guests), 1)
    arch = guests[0].get_arch()
    check_equal(arch.get_name(), 'x86_64')
    check_equal(arch.get_emulator(), '/usr/bin/qemu-system-x86_64')
    check_equal([d.get_virt_type() for d in arch.get_domains()],
                [C.DomainVirtType.QEMU, C.DomainVirtType.KVM])

    # Writing and parsing again keeps every element, the unknown ones too.
    written = caps.to_xml()
    again = C.Capabilities.new_from_xml(written)
    check_equal(again.to_xml(), written)
    before = ET.fromstring(CAPABILITIES)
    after = ET.fromstring(written)
    check_equal([e.tag for e in before.iter()], [e.tag for e in after.iter()])
    check_equal(after.find('host/topology/cells').get('num'), '2')


TESTS = [
    ('build a full domain from Python and check its XML', test_build_domain),
    ('invalid values raise GLib.Error', test_invalid_values),
    ('malformed XML raises GLib.Error in the gconfig domain', test_malformed_xml),
    ('capabilities round trip', test_capabilities_round_trip),
]


def main():
    print('1..%d' % len(TESTS))
    failed = 0
    for number, (name, func) in enumerate(TESTS, 1):
        try:
            func()
        except Exception:  # noqa: BLE001 - report every failure as TAP
            failed += 1
            print('not ok %d - %s' % (number, name))
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
        else:
            print('ok %d - %s' % (number, name))
    return 0 if failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
