package eyegan.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eyegan.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of a realism sweep achieved: how long it trained and how its exported generator
 * scores on every measure, beside the real-vs-real floor of each measure where one exists.
 *
 * @param budget the budget's label ({@code 10min}, or {@code 40ep} for fixed epochs)
 * @param seed the run's training seed
 * @param steps optimiser steps trained
 * @param epochs epochs trained
 * @param msPerStep median wall time of a training step over the run's progress ticks
 * @param minutes the run's training time by its own clock (every resumed part included; setup and
 *     export not), minutes
 * @param measures measure name -> value (lower is better unless the name says otherwise)
 * @param floors measure name -> the same measure of real images against other real images
 */
public record RealismScore(
    String budget,
    long seed,
    long steps,
    int epochs,
    @JsonProperty("ms_per_step") double msPerStep,
    double minutes,
    Map<String, Double> measures,
    Map<String, Double> floors) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public RealismScore {
    measures = new LinkedHashMap<>(measures);
    floors = new LinkedHashMap<>(floors);
  }

  /** Writes this score to {@code file} atomically. */
  public void write(Path file) {
    try {
      AtomicFiles.writeString(file, JSON.writeValueAsString(this) + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static RealismScore read(Path file) {
    try {
      return JSON.readValue(file.toFile(), RealismScore.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
