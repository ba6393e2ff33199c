"""The pygame front end: scenes, input mapped to intents, cached rendering, synthesized sound."""
