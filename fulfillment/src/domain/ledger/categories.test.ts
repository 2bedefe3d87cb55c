import {
  addCustomCategory,
  canonicalCategory,
  categoriesFor,
  closestCategories,
  DEFAULT_INCOME_CATEGORIES,
  ownCategories,
  validateCategoryName,
} from './categories';
import { InvalidCategoryError } from './errors';

describe('categories', () => {
  it('matches defaults and custom categories whatever the case or spacing', () => {
    expect(canonicalCategory('  personal   CARE ', 'expense')).toBe('Personal Care');
    expect(canonicalCategory('salary', 'income')).toBe('Salary');
    expect(canonicalCategory('salary', 'expense')).toBeNull();
    expect(canonicalCategory('PETS', 'expense', ['Pets'])).toBe('Pets');
  });

  it('adds a custom category once, and never shadows a default', () => {
    const once = addCustomCategory([], ' Pets ');
    expect(once).toEqual(['Pets']);
    expect(addCustomCategory(once, 'pets')).toEqual(['Pets']);
    expect(addCustomCategory(once, 'food')).toEqual(['Pets']);
    expect(categoriesFor('expense', once)).toContain('Pets');
  });

  it("keeps a person's own spending categories out of the income list, and income ones out of spending", () => {
    const profile = { customCategories: ['Pets'], customIncomeCategories: ['Tutoring'] };
    expect(categoriesFor('income', ownCategories('income', profile))).toEqual([
      ...DEFAULT_INCOME_CATEGORIES,
      'Tutoring',
    ]);
    expect(canonicalCategory('pets', 'income', ownCategories('income', profile))).toBeNull();
    expect(canonicalCategory('tutoring', 'income', ownCategories('income', profile))).toBe('Tutoring');
    expect(canonicalCategory('tutoring', 'expense', ownCategories('expense', profile))).toBeNull();
    // An income name may also be a spending one; income defaults are never added again.
    expect(addCustomCategory(['Tutoring'], 'Salary', 'income')).toEqual(['Tutoring']);
    expect(addCustomCategory([], 'Groceries', 'income')).toEqual(['Groceries']);
  });

  it.each([
    ['', /category is empty/],
    ['   ', /category is empty/],
    ['c'.repeat(51), /51 characters.*50 or fewer/],
    ['c'.repeat(200), /200 characters/],
  ])('rejects %p', (name, message) => {
    expect(() => validateCategoryName(name)).toThrow(InvalidCategoryError);
    expect(() => validateCategoryName(name)).toThrow(message);
  });

  it('accepts a 50-character name', () => {
    expect(validateCategoryName('c'.repeat(50))).toHaveLength(50);
  });

  it('suggests the closest categories for a typo, best first', () => {
    expect(closestCategories('grocries', 3)[0]).toBe('Groceries');
    expect(closestCategories('transprt', 1)).toEqual(['Transport']);
    expect(closestCategories('ent', 2)[0]).toBe('Entertainment');
    expect(closestCategories('subscription', 1)).toEqual(['Subscriptions']);
  });

  it('suggests nothing for input unlike any category', () => {
    expect(closestCategories('zzzzzzzzzzzzzzzz', 3)).toEqual([]);
    expect(closestCategories('', 3)).toEqual([]);
  });
});
