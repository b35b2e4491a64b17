package fr.mel.opale.data.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak heap of a timed part of a benchmark, measured two ways: the highest heap use seen by a sampler thread
 * (every 20 ms, so a shorter spike may be missed), and the heap pools' own peaks, reset when this starts (the JVM's
 * count, but a pool's peak may fall in another moment than another pool's, so their sum overstates). Started by the
 * constructor; one measure at a time, the pools' peaks being JVM-wide.
 */
public final class HeapPeak {
    private final AtomicLong max = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    public HeapPeak() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(() -> {
            while (running) {
                max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops the sampler; the highest heap use it saw, in bytes. */
    public long stop() throws InterruptedException {
        running = false;
        sampler.join();
        return max.get();
    }

    /** The sum of the heap pools' peaks since this started, in bytes. */
    public long poolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
