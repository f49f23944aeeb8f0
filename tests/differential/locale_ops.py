# locale on the recorder's machine (LANG=C.UTF-8; C, C.utf8, POSIX installed): getlocale, setlocale's composite
# LC_ALL, localeconv, format_string, str/atof/atoi/delocalize, normalize of the C names, the errors.
# expected output: LANG=C.UTF-8 (the recorder's environment; tools/hw_common.py)
import locale
print(locale.getlocale())
print(locale.getpreferredencoding(), locale.getpreferredencoding(False), locale.getencoding())
print(locale.setlocale(locale.LC_ALL))
print(locale.setlocale(locale.LC_ALL, ''))
print(locale.getlocale(), locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_NUMERIC, 'C'))
conv = locale.localeconv()
print(sorted(conv.items()))
print(locale.format_string('%d items, %.2f MB', (1234567, 12.345)), locale.format_string('%d', 1234567, grouping=True))
print(locale.currency(12.5) if conv['currency_symbol'] else 'no currency')
print(locale.str(3.14159), locale.atof('3.5'), locale.atoi('42'), locale.delocalize('1,234.5'))
print(locale.normalize('en_US'), locale.normalize('C'))
try:
    locale.setlocale(locale.LC_ALL, 'xx_YY.UTF-8')
except locale.Error as e:
    print('Error', e)
print(locale.LC_ALL, locale.LC_CTYPE, locale.LC_NUMERIC, locale.CHAR_MAX)
print(locale.strcoll('a', 'b'), locale.strxfrm('abc'))

