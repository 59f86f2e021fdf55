package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SerialDeliveryTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final Scheduler scheduler = Schedulers.newBoundedElastic(4, 1000, "delivery-test");

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.scheduler.dispose();
	}

	@Test
	void deliversInOrderOffTheCallersThread() {
		SerialDelivery delivery = new SerialDelivery("test", this.scheduler, 100);
		List<String> delivered = new CopyOnWriteArrayList<>();
		List<Thread> threads = new CopyOnWriteArrayList<>();

		for (int i = 0; i < 50; i++) {
			String item = "n" + i;
			delivery.submit(() -> {
				threads.add(Thread.currentThread());
				delivered.add(item);
			}).block(WAIT);
		}

		await().atMost(WAIT).untilAsserted(() -> assertThat(delivered).hasSize(50).startsWith("n0", "n1", "n2"));
		assertThat(delivered).endsWith("n48", "n49");
		assertThat(threads).doesNotContain(Thread.currentThread());
	}

	@Test
	void aBlockingDeliveryDoesNotHoldUpTheOneWhoHandsOver() {
		SerialDelivery delivery = new SerialDelivery("test", this.scheduler, 100);
		AtomicBoolean later = new AtomicBoolean();

		delivery.submit(this::awaitRelease).block(WAIT);
		delivery.submit(() -> later.set(true)).block(WAIT);

		assertThat(later).isFalse();
		this.release.countDown();
		await().atMost(WAIT).untilTrue(later);
	}

	@Test
	void handingOverWaitsWhileTheQueueIsFull() {
		SerialDelivery delivery = new SerialDelivery("test", this.scheduler, 2);
		delivery.submit(this::awaitRelease).block(WAIT);
		delivery.submit(() -> {
		}).block(WAIT);
		delivery.submit(() -> {
		}).block(WAIT);

		AtomicBoolean queued = new AtomicBoolean();
		delivery.submit(() -> {
		}).subscribe(null, null, () -> queued.set(true));

		assertThat(queued).isFalse();
		this.release.countDown();
		await().atMost(WAIT).untilTrue(queued);
	}

	@Test
	void aFailingDeliveryDoesNotStopTheNext() {
		SerialDelivery delivery = new SerialDelivery("test", this.scheduler, 10);
		AtomicBoolean next = new AtomicBoolean();

		delivery.submit(() -> {
			throw new IllegalStateException("listener bug");
		}).block(WAIT);
		delivery.submit(() -> {
			throw new AssertionError("a listener's assertion");
		}).block(WAIT);
		delivery.submit(() -> next.set(true)).block(WAIT);

		await().atMost(WAIT).untilTrue(next);
	}

	@Test
	void drainedCompletesOnceEverythingBeforeItRan() {
		SerialDelivery delivery = new SerialDelivery("test", this.scheduler, 10);
		List<String> events = new CopyOnWriteArrayList<>();
		delivery.submit(() -> {
			awaitRelease();
			events.add("delivered");
		}).block(WAIT);

		Mono<Void> drained = delivery.drained().doOnSuccess((done) -> events.add("drained"));
		Thread releaser = new Thread(this.release::countDown);
		releaser.start();
		drained.block(WAIT);

		assertThat(events).containsExactly("delivered", "drained");
	}

	@Test
	void drainedIsImmediateWhenNothingIsPending() {
		SerialDelivery delivery = new SerialDelivery("test", this.scheduler, 10);
		Thread caller = Thread.currentThread();
		AtomicBoolean onCaller = new AtomicBoolean();

		delivery.drained().doOnSuccess((done) -> onCaller.set(Thread.currentThread() == caller)).block(WAIT);

		assertThat(onCaller).isTrue();
	}

	private void awaitRelease() {
		try {
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
