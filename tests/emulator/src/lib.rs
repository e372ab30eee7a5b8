//! A local emulator of the Microsoft Advertising API (being written).
