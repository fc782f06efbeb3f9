package dev.keyhole.store;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the {@code @Scheduled} backups; Boot supplies the scheduler once scheduling is enabled. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BackupConfiguration {}
