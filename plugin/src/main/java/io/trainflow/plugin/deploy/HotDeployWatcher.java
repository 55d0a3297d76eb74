package io.trainflow.plugin.deploy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Hot deploy: a saved {@code .bpmn}/{@code .dmn}/{@code .form} in the watched folder deploys a new version
 * (after a short quiet period, so an editor's several writes make one deployment). Running
 * instances keep the version they started on.
 */
@Component
public class HotDeployWatcher implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(HotDeployWatcher.class);
    private static final long QUIET_MILLIS = 700;

    private final BpmnDeployer deployer;
    private WatchService watcher;
    private Thread thread;

    public HotDeployWatcher(BpmnDeployer deployer) {
        this.deployer = deployer;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        if (!deployer.usesFolder()) {
            return;
        }
        Path folder = deployer.folder();
        watcher = FileSystems.getDefault().newWatchService();
        folder.register(
                watcher,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        thread = new Thread(this::watch, "trainflow-hot-deploy");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} for process changes", folder.toAbsolutePath());
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                boolean relevant = key.pollEvents().stream().anyMatch(e -> isProcessFile(String.valueOf(e.context())));
                key.reset();
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= more.pollEvents().stream().anyMatch(e -> isProcessFile(String.valueOf(e.context())));
                    more.reset();
                }
                if (relevant) {
                    deployer.redeploy();
                }
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isProcessFile(String name) {
        return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
    }

    @Override
    public void destroy() throws IOException {
        if (thread != null) {
            thread.interrupt();
        }
        if (watcher != null) {
            watcher.close();
        }
    }
}
