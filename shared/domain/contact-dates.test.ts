import { describe, expect, it } from 'vitest';
import { ageOn, daysUntilBirthday, parseIsoDate, parseTypedDate } from './contact-dates';

const today = { year: 2026, month: 11, day: 27 };

describe('parseTypedDate', () => {
  it('reads day/month/year as typed in Brazil and Portugal', () => {
    expect(parseTypedDate('07/03/1985', today)).toBe('1985-03-07');
    expect(parseTypedDate('7/3/1985', today)).toBe('1985-03-07');
    expect(parseTypedDate('07.03.1985', today)).toBe('1985-03-07');
    expect(parseTypedDate('1985-03-07', today)).toBe('1985-03-07');
  });
  it('puts two-digit years in the past', () => {
    expect(parseTypedDate('07/03/85', today)).toBe('1985-03-07');
    expect(parseTypedDate('07/03/05', today)).toBe('2005-03-07');
  });
  it('refuses days that do not exist and other text', () => {
    expect(parseTypedDate('31/02/1985', today)).toBeNull();
    expect(parseTypedDate('29/02/2023', today)).toBeNull();
    expect(parseTypedDate('29/02/2024', today)).toBe('2024-02-29');
    expect(parseTypedDate('março', today)).toBeNull();
    expect(parseIsoDate('2023-13-01')).toBeNull();
  });
});

describe('daysUntilBirthday', () => {
  it('counts the days to the next birthday, 0 on the day', () => {
    expect(daysUntilBirthday('1980-11-27', today)).toBe(0);
    expect(daysUntilBirthday('1980-11-28', today)).toBe(1);
    expect(daysUntilBirthday('1980-12-04', today)).toBe(7);
  });
  it('wraps to next year once this year’s birthday has passed', () => {
    expect(daysUntilBirthday('1980-11-26', today)).toBe(364);
    expect(daysUntilBirthday('1980-01-02', today)).toBe(36);
  });
  it('celebrates 29 February on the 28th in common years', () => {
    expect(daysUntilBirthday('1984-02-29', { year: 2027, month: 2, day: 27 })).toBe(1);
    expect(daysUntilBirthday('1984-02-29', { year: 2028, month: 2, day: 27 })).toBe(2);
  });
  it('is null for unknown birthdays', () => {
    expect(daysUntilBirthday('', today)).toBeNull();
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1980-11-27', today)).toBe(46);
    expect(ageOn('1980-11-28', today)).toBe(45);
    expect(ageOn('2030-01-01', today)).toBeNull();
  });
});
