package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.DataDesign;

/**
 * The tables, dead-letter queues, topics and subscriptions of {@link DataDesign}, in that order,
 * for every backend; the dialect maps each design's shape.
 */
public final class DataObjects {

  /** How a backend spells each piece. */
  public interface Shape {

    /**
     * @param retain the table outlives the pipeline ({@code deletionPolicy: Retain})
     */
    void table(ObjectBuilder table, DataDesign.Table design, boolean retain);

    void queue(ObjectBuilder queue, DataDesign.Queue design);

    void topic(ObjectBuilder topic, DataDesign.Topic design);

    /** The reference to the subscription's topic, by the topic object's name. */
    void subscribe(ObjectBuilder subscription, String topicObject);
  }

  private DataObjects() {}

  public static void add(StackBuild build, Shape shape) {
    for (DataDesign.Table t : DataDesign.tables(build.names)) {
      ObjectBuilder table = build.object(ResourceType.TABLE, t.component());
      shape.table(table, t, build.retain());
      build.emit(table);
    }
    for (DataDesign.Queue q : DataDesign.deadLetterQueues(build.spec, build.names)) {
      ObjectBuilder queue = build.object(ResourceType.QUEUE, q.component());
      shape.queue(queue, q);
      build.emit(queue);
    }
    for (DataDesign.Topic t : DataDesign.topics(build.names)) {
      ObjectBuilder topic = build.object(ResourceType.TOPIC, t.component());
      shape.topic(topic, t);
      build.emit(topic);
    }
    for (DataDesign.Subscription s : DataDesign.subscriptions(build.spec)) {
      ObjectBuilder subscription = build.object(ResourceType.SUBSCRIPTION, s.component());
      shape.subscribe(subscription, build.name(s.topicComponent()));
      build.emit(subscription.set("protocol", s.protocol()).set("endpoint", s.endpoint()));
    }
  }
}
