"""Tones are synthesized once; a machine without a sound device plays silently, said once."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from maze.ui import sound


def test_tone_is_a_bounded_mono_wave_of_the_asked_length():
    wave = sound.tone(440, 0.25, 44100)
    assert wave.shape == (11025,) and wave.dtype == np.float32
    assert np.abs(wave).max() <= 1.0
    assert abs(wave[0]) < 0.01 and abs(wave[-1]) < 0.05        # no click at either end
    spectrum = np.abs(np.fft.rfft(wave))
    assert abs(np.argmax(spectrum) * 44100 / len(wave) - 440) < 5


def test_the_sounds_differ_where_players_must_tell_them_apart():
    made = sound.synthesize(22050)
    assert set(made) >= {"beep", "repeat", "step", "crossing"}
    peak = {name: np.argmax(np.abs(np.fft.rfft(w))) * 22050 / len(w) for name, w in made.items()}
    assert abs(peak["beep"] - peak["repeat"]) > 200            # repeat beep: a distinct tone
    assert len(made["step"]) < len(made["beep"]) / 4           # a tick, not an alarm


@pytest.mark.parametrize("size, channels, dtype", [(-16, 2, np.int16), (-16, 1, np.int16),
                                                   (8, 2, np.uint8), (32, 2, np.float32)])
def test_samples_are_shaped_to_the_mixer(size, channels, dtype):
    data = sound.shaped(sound.tone(440, 0.1), size, channels)
    assert data.dtype == dtype
    assert data.shape == ((4410, channels) if channels > 1 else (4410,))


def test_the_dummy_audio_driver_gives_real_sounds_and_muted_plays_none():
    """With sound on, a beep reaches the mixer (a channel is playing); muted (the M key), the
    mixer gets nothing; unmuted again, it plays."""
    pygame.init()
    try:
        player = sound.open_sound(True)
        assert player.available and player.notice is None
        assert not pygame.mixer.get_busy()
        player.play("beep")
        assert pygame.mixer.get_busy()
        pygame.mixer.stop()
        player.muted = True
        for name in ("beep", "repeat", "step", "crossing"):
            player.play(name)
        assert not pygame.mixer.get_busy()
        player.muted = False
        player.play("step")
        assert pygame.mixer.get_busy()
    finally:
        pygame.quit()


def test_no_sound_device_is_silent_and_said_once(monkeypatch, capsys):
    def fail(*args, **kwargs):
        raise pygame.error("No available audio device")
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", fail)
    player = sound.open_sound(True)
    player.play("beep")                                       # no exception, no sound
    assert not player.available and "playing silently" in player.notice
    assert capsys.readouterr().err.count("playing silently") == 1


def test_no_sound_flag_opens_no_mixer():
    player = sound.open_sound(False)
    assert not player.available and player.notice is None
