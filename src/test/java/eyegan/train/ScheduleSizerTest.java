package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The epochs a time budget buys, worked out by hand. */
class ScheduleSizerTest {
  private static final long NOW = 1_000_000_000L;

  @Test
  void fillsWhatIsLeftOfTheBudgetAfterTheReserve() {
    // 10 min budget, 60 s already spent: 540 s left; minus the 25 s reserve = 515 s; 6% of that kept
    // for per-epoch work leaves 484.1 s = 4,841 steps of 0.1 s; plus 15 done = 4,856 steps = 77 epochs of 63.
    ScheduleSizer s = new ScheduleSizer(10, NOW - 60_000, "test cpu");
    ScheduleSizer.Decision d = s.decide(0.1, 63, 15, NOW);
    assertEquals(77, d.epochs());
    assertTrue(d.reason().contains("77 epochs (4,851 steps)"), d.reason());
    assertTrue(d.reason().contains("100 ms") && d.reason().contains("test cpu"), d.reason());
  }

  @Test
  void aThreeTimesSlowerMachineGetsAThirdOfTheEpochs() {
    ScheduleSizer s = new ScheduleSizer(10, NOW - 60_000, "test cpu");
    // 484.1 s / 0.3 s = 1,613 steps + 15 = 1,628 = 25 epochs of 63 (77 / 3 = 25.7).
    assertEquals(25, s.decide(0.3, 63, 15, NOW).epochs());
  }

  @Test
  void anOverspentBudgetStillFinishesTheEpochUnderWay() {
    ScheduleSizer s = new ScheduleSizer(1, NOW - 120_000, "test cpu");
    assertEquals(5, s.decide(0.1, 3, 15, NOW).epochs()); // 15 steps of 3 per epoch: epoch 5 is under way
    assertEquals(1, s.decide(0.1, 63, 15, NOW).epochs());
  }

  @Test
  void refusesANonPositiveBudget() {
    assertThrows(IllegalArgumentException.class, () -> new ScheduleSizer(0, NOW, "x"));
    assertThrows(IllegalArgumentException.class, () -> new ScheduleSizer(Double.NaN, NOW, "x"));
  }
}
