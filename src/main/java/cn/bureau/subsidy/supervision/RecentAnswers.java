package cn.bureau.subsidy.supervision;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Answers computed at most {@code maxAge} ago, one computation at a time per question: while one request recomputes
 * an answer, others asking the same wait for it instead of running the same aggregate beside it. With a maximum age
 * of zero every call computes.
 */
final class RecentAnswers<K, V> {

    /** Questions are board filters; past this many the memory starts over. */
    private static final int MAX_KEPT = 1_000;

    private record Answer<V>(CompletableFuture<V> value, long at) {
    }

    private final long maxAgeNanos;
    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();

    RecentAnswers(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    V get(K question, Function<K, V> compute) {
        if (maxAgeNanos <= 0) {
            return compute.apply(question);
        }
        while (true) {
            long now = System.nanoTime();
            Answer<V> known = answers.get(question);
            if (known != null && now - known.at() < maxAgeNanos && !known.value().isCompletedExceptionally()) {
                return await(known.value());
            }
            if (answers.size() >= MAX_KEPT) {
                answers.clear();
            }
            Answer<V> mine = new Answer<>(new CompletableFuture<>(), now);
            boolean won = known == null ? answers.putIfAbsent(question, mine) == null
                    : answers.replace(question, known, mine);
            if (won) {
                try {
                    V value = compute.apply(question);
                    mine.value().complete(value);
                    return value;
                } catch (RuntimeException e) {
                    mine.value().completeExceptionally(e);
                    answers.remove(question, mine);
                    throw e;
                }
            }
            // Another request started the same computation a moment ago: the next round waits for its answer.
        }
    }

    private static <V> V await(CompletableFuture<V> value) {
        try {
            return value.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while another request computed the same answer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
