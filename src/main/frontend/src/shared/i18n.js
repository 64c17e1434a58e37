// A page's words in Chinese (the default) and English: t('key') looks the key up in the current language.
export const LANGUAGES = ['zh-CN', 'en'];

export function createI18n(messages, lang) {
  let current = LANGUAGES.includes(lang) ? lang : 'zh-CN';
  const t = (key, vars = {}) => {
    const text = messages[current][key] ?? messages['zh-CN'][key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
  };
  return {
    t,
    get lang() {
      return current;
    },
    set lang(value) {
      current = LANGUAGES.includes(value) ? value : 'zh-CN';
      document.documentElement.lang = current;
    },
    /** Fills every element with data-i18n="key" (its text) and data-i18n-title="key" (its title). */
    apply(root = document) {
      document.documentElement.lang = current;
      root.querySelectorAll('[data-i18n]').forEach((el) => {
        el.textContent = t(el.dataset.i18n);
      });
      root.querySelectorAll('[data-i18n-title]').forEach((el) => {
        el.title = t(el.dataset.i18nTitle);
      });
    },
  };
}
