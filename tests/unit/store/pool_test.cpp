#include "store/pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/statement_cache.hpp"

namespace disha::store {
namespace {

using namespace std::chrono_literals;

struct FakeConnection {
  int id;
};

TEST(ConnectionPool, LendsEachConnectionToOneCallerAtATime) {
  ConnectionPool<FakeConnection> pool(1s);
  pool.add(std::make_unique<FakeConnection>(FakeConnection{1}));
  pool.add(std::make_unique<FakeConnection>(FakeConnection{2}));
  FakeConnection* a = pool.take();
  FakeConnection* b = pool.take();
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.stats().size, 2);
  EXPECT_EQ(pool.stats().in_use, 2);
  pool.give_back(a);
  EXPECT_EQ(pool.stats().in_use, 1);
  EXPECT_EQ(pool.take(), a);
  pool.give_back(a);
  pool.give_back(b);
  EXPECT_EQ(pool.stats().in_use, 0);
}

TEST(ConnectionPool, TimesOutWithUnavailableAndRetryAfter) {
  ConnectionPool<FakeConnection> pool(100ms);
  pool.add(std::make_unique<FakeConnection>(FakeConnection{1}));
  FakeConnection* held = pool.take();
  const auto start = std::chrono::steady_clock::now();
  try {
    pool.take();
    ADD_FAILURE() << "acquire should time out";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unavailable);
    EXPECT_EQ(error.retry_after(), std::chrono::seconds(1));
  }
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 100ms);
  EXPECT_LT(waited, 2s);
  EXPECT_EQ(pool.stats().waiting, 0);
  pool.give_back(held);
}

TEST(ConnectionPool, AWaiterIsCountedAndWokenWhenAConnectionComesBack) {
  ConnectionPool<FakeConnection> pool(10s);
  pool.add(std::make_unique<FakeConnection>(FakeConnection{1}));
  FakeConnection* held = pool.take();
  std::atomic<FakeConnection*> got{nullptr};
  std::thread waiter([&] { got = pool.take(); });
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (pool.stats().waiting != 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(pool.stats().waiting, 1);
  EXPECT_EQ(got.load(), nullptr);
  const auto released = std::chrono::steady_clock::now();
  pool.give_back(held);
  waiter.join();
  EXPECT_LT(std::chrono::steady_clock::now() - released, 1s);
  EXPECT_EQ(got.load(), held);
  EXPECT_EQ(pool.stats().waiting, 0);
  EXPECT_EQ(pool.stats().in_use, 1);
  pool.give_back(held);
}

TEST(ConnectionPool, ManyThreadsNeverShareAConnection) {
  ConnectionPool<FakeConnection> pool(10s);
  std::vector<std::atomic<int>> users(3);
  for (int i = 0; i < 3; ++i) pool.add(std::make_unique<FakeConnection>(FakeConnection{i}));
  std::atomic<bool> shared{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        FakeConnection* connection = pool.take();
        if (users[static_cast<std::size_t>(connection->id)].fetch_add(1) != 0) shared = true;
        std::this_thread::yield();
        users[static_cast<std::size_t>(connection->id)].fetch_sub(1);
        pool.give_back(connection);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_FALSE(shared.load());
  EXPECT_EQ(pool.stats().in_use, 0);
}

TEST(StatementCache, FindsWhatWasInsertedAndEvictsTheLeastRecentlyUsed) {
  StatementCache<std::string> cache(2);
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.insert("a", "stmt-a"), std::nullopt);
  EXPECT_EQ(cache.insert("b", "stmt-b"), std::nullopt);
  ASSERT_NE(cache.find("a"), nullptr);  // now "b" is the least recently used
  EXPECT_EQ(*cache.find("a"), "stmt-a");
  EXPECT_EQ(cache.insert("c", "stmt-c"), std::optional<std::string>("stmt-b"));
  EXPECT_EQ(cache.find("b"), nullptr);
  EXPECT_EQ(*cache.find("c"), "stmt-c");
  EXPECT_EQ(cache.size(), 2u);
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.find("a"), nullptr);
}

}  // namespace
}  // namespace disha::store
