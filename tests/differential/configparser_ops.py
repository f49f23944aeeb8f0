# configparser as python3.11 behaves: reading, sections and options, typed getters, interpolation
# (Basic and Extended), the mapping protocol, writing, converters and the error messages
import configparser as cp
import io

SRC = """
# a comment
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
home = /home/%(user)s

[bitbucket.org]
User = hg
ratio: 0.75

[topsecret.server.com]
Port = 50022
ForwardX11 = no
multi = first line
    second line

    fourth after a blank
empty =
"""
cases = [
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.sections()",
    "c = cp.ConfigParser(); c.read_string(SRC); r = (c.defaults(), dict(c['bitbucket.org']))",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.get('bitbucket.org', 'home')",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.get('topsecret.server.com', 'multi')",
    "c = cp.ConfigParser(); c.read_string(SRC); r = (c.getint('topsecret.server.com', 'port'), c.getfloat('bitbucket.org', 'ratio'))",
    "c = cp.ConfigParser(); c.read_string(SRC); r = (c.getboolean('bitbucket.org', 'compression'), c['topsecret.server.com'].getboolean('forwardx11'))",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.getint('bitbucket.org', 'nope', fallback=-1)",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c['bitbucket.org'].get('nope', 'dflt')",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.items('bitbucket.org')",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.items('bitbucket.org', raw=True)",
    "c = cp.ConfigParser(); c.read_string(SRC); r = [k for k in c]",
    "c = cp.ConfigParser(); c.read_string(SRC); r = (len(c), 'DEFAULT' in c, 'x' in c, c.has_section('DEFAULT'))",
    "c = cp.ConfigParser(); c.read_string(SRC); r = (c.has_option('bitbucket.org', 'USER'), c.has_option('bitbucket.org', 'compression'), c.has_option('nosuch', 'a'))",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.options('topsecret.server.com')",
    "c = cp.ConfigParser(); c.read_string(SRC); r = (repr(c['bitbucket.org']), c['bitbucket.org'].name, c['bitbucket.org'].parser is c)",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.get('bitbucket.org', 'home', vars={'user': 'bob'})",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.get('bitbucket.org', 'home', raw=True)",
    "c = cp.ConfigParser(); c.read_string(SRC); c.set('bitbucket.org', 'user', 'ann'); r = c.get('bitbucket.org', 'home')",
    "c = cp.ConfigParser(); c.read_string(SRC); c['new'] = {'a': 1, 'B': 2.5}; r = (c.sections(), dict(c['new']))",
    "c = cp.ConfigParser(); c.read_string(SRC); c['bitbucket.org'] = {'z': 'y'}; r = dict(c['bitbucket.org'])",
    "c = cp.ConfigParser(); c.read_string(SRC); del c['bitbucket.org']; r = c.sections()",
    "c = cp.ConfigParser(); c.read_string(SRC); r = (c.remove_option('bitbucket.org', 'user'), c.remove_option('bitbucket.org', 'user'), c.remove_section('x'))",
    "c = cp.ConfigParser(); c.read_string(SRC); s = c['bitbucket.org']; s['k'] = 'v'; del s['user']; r = (list(s), len(s), 'k' in s)",
    "c = cp.ConfigParser(); c.read_string(SRC); f = io.StringIO(); c.write(f); r = f.getvalue()",
    "c = cp.ConfigParser(); c.read_string(SRC); f = io.StringIO(); c.write(f, space_around_delimiters=False); r = f.getvalue()",
    "c = cp.ConfigParser(); c.read_dict({'a': {'x': 1, 'y': None}, 'b': {}}); r = (c.sections(), c['a']['x'], c.get('a', 'y'))",
    "c = cp.ConfigParser(); c.read_file(io.StringIO('[s]\\nk=v\\n')); r = c['s']['k']",
    "c = cp.RawConfigParser(); c.read_string('[s]\\na = %(b)s\\nb = 1'); r = c.get('s', 'a')",
    "c = cp.ConfigParser(interpolation=None); c.read_string('[s]\\na = 100%'); r = c.get('s', 'a')",
    "c = cp.ConfigParser(interpolation=cp.ExtendedInterpolation()); c.read_string('[a]\\nx = 1\\n[b]\\ny = ${a:x}-${z}\\nz = $$9'); r = c.get('b', 'y')",
    "c = cp.ConfigParser(interpolation=cp.ExtendedInterpolation()); c.read_string('[a]\\nx = ${b:y}\\n[b]\\ny = ${w}\\nw = deep'); r = c['a']['x']",
    "c = cp.ConfigParser(allow_no_value=True); c.read_string('[s]\\nflag\\nk = v'); r = (c.get('s', 'flag'), c.items('s'))",
    "c = cp.ConfigParser(inline_comment_prefixes=(';',)); c.read_string('[s]\\nk = v ; note\\nj = a;b'); r = (c['s']['k'], c['s']['j'])",
    "c = cp.ConfigParser(delimiters=('->',)); c.read_string('[s]\\nk -> v'); r = c['s']['k']",
    "c = cp.ConfigParser(default_section='common'); c.read_string('[common]\\nx = 1\\n[s]'); r = (c['s']['x'], c.default_section)",
    "c = cp.ConfigParser(converters={'list': lambda v: v.split(',')}); c.read_string('[s]\\nl = a,b,c'); r = (c.getlist('s', 'l'), c['s'].getlist('l'), sorted(c.converters))",
    "c = cp.ConfigParser(defaults={'d': '%(x)s'}); c.read_string('[s]\\nx = 5'); r = c['s']['d']",
    "c = cp.ConfigParser(); c.optionxform = str; c.read_string('[s]\\nCamel = 1'); r = list(c['s'])",
    "c = cp.ConfigParser(strict=False); c.read_string('[s]\\na = 1\\na = 2\\n[s]\\nb = 3'); r = dict(c['s'])",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.get('nosuch', 'a')",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.get('bitbucket.org', 'nosuch')",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c['nosuch']",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c['bitbucket.org']['nosuch']",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.getint('bitbucket.org', 'user')",
    "c = cp.ConfigParser(); c.read_string(SRC); r = c.getboolean('bitbucket.org', 'user')",
    "c = cp.ConfigParser(); r = c.read_string('[a]\\nx = 1\\n[a]')",
    "c = cp.ConfigParser(); r = c.read_string('[a]\\nx = 1\\nX = 2')",
    "c = cp.ConfigParser(); r = c.read_string('x = 1')",
    "c = cp.ConfigParser(); r = c.read_string('[a]\\n= 1\\n[b\\n')",
    "c = cp.ConfigParser(); c.read_string('[s]\\na = %(b)s'); r = c.get('s', 'a')",
    "c = cp.ConfigParser(); c.read_string('[s]\\na = %(a)s'); r = c.get('s', 'a')",
    "c = cp.ConfigParser(); c.read_string('[s]\\na = 5%'); r = c.get('s', 'a')",
    "c = cp.ConfigParser(); c.read_string('[s]'); r = c.set('s', 'a', '50%')",
    "c = cp.ConfigParser(); c.read_string('[s]'); r = c.set('s', 'a', 5)",
    "c = cp.ConfigParser(); r = c.add_section('DEFAULT')",
    "c = cp.ConfigParser(); c.add_section('x'); r = c.add_section('x')",
    "c = cp.ConfigParser(); r = c.set('nosuch', 'a', 'b')",
    "c = cp.ConfigParser(); r = c.__delitem__('DEFAULT')",
    "c = cp.ConfigParser(); r = c.popitem()",
    "c = cp.ConfigParser(); c.read_string('[a]\\n[b]'); r = (c.popitem()[0], c.sections())",
    "r = (cp.DEFAULTSECT, cp.MAX_INTERPOLATION_DEPTH, cp.ConfigParser.BOOLEAN_STATES['on'])",
    "r = [k.__name__ for k in cp.InterpolationMissingOptionError.__mro__]",
    "r = str(cp.NoOptionError('o', 's')), cp.NoOptionError('o', 's').args",
    "r = repr(cp.DuplicateSectionError('s', 'f.ini', 3)), str(cp.DuplicateOptionError('s', 'o'))",
    "r = cp.ParsingError()",
]
for case in cases:
    try:
        g = {"cp": cp, "io": io, "SRC": SRC}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
