package dev.headroom.testbed.components;

import dev.headroom.testbed.process.DaemonLauncher;
import dev.headroom.testbed.process.Daemons;
import dev.headroom.testbed.process.PortPicker;
import dev.headroom.testbed.process.StartupWait;

/** What starting a component uses: where state goes, the processes, ports, waiting, output. */
public record Startup(
    Layout layout,
    Daemons daemons,
    DaemonLauncher launcher,
    PortPicker ports,
    StartupWait readiness,
    Console console) {}
