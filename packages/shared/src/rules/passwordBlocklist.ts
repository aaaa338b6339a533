/**
 * Weak-password detection: a compact list of the base words behind most leaked passwords (Chinese and
 * international), plus rules for the decorations people add to pass a class check — capitals, leet
 * substitutions, a year or 123 at the end, keyboard walks and sequences. Written for this project.
 */

/** Words that, dressed with capitals, digits and symbols, make up the bulk of leaked passwords. */
const BASE_WORDS = `
password passwd passw pass pwd mima wodemima mimamima admin administrator admins root superuser sysadmin
system server oracle mysql postgres database manager master test tester testing guest user users login
logon welcome welcom hello hellow helloworld nihao nihaoma changeme change default secret private temp
temppass letmein trustno iloveyou iloveu ilove loveyou love lover lovely woaini woaini woainima woaiwojia
aini aiwo wohenaini woxihuanni xihuan laopo laogong baobei baobao qinai tiantian xiaoxiao yangyang
wangwang lele beibei xiaobao xiaoming xiaohong xiaoqiang xiaolong longlong feifei huanhuan jingjing
caonima tamade shabi nimabi woshishui woshini qwerty qwert qwer qwertyuiop asdf asdfgh asdfghjkl zxcv
zxcvb zxcvbn zxcvbnm qaz qazwsx qazwsxedc wsx edc qweasd qweasdzxc asdzxc zaq zaqxsw abc abcd abcde
abcdef abcdefg abcdefgh abcabc aaa aaaa aaaaaa qqq qqqq monkey dragon master shadow sunshine princess
football baseball basketball soccer superman batman spiderman michael jordan jennifer ashley jessica
charlie killer hacker hunter ranger thomas robert daniel andrew joshua matthew george computer internet
freedom whatever starwars pokemon naruto flower happy lucky sunny summer winter spring autumn angel
baby cookie cheese chocolate banana orange apple google facebook twitter microsoft windows linux ubuntu
huawei xiaomi taobao alibaba tencent baidu weixin wechat qqqq wangyi zhifubao alipay china zhongguo
chinese beijing zhonghua aiguo tianan haoren hao gongsi company office work job money dinero bitcoin
family mother father sister brother friend friends forever always nothing anything something
miit gongxin gongxinbu gongxinting fuwu zhizao fuwuxingzhizao zhengfu gov government yyds
zhang wang li liu chen yang huang zhao zhou wu xu sun ma zhu hu guo he lin luo gao zheng liang xie
song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lv ding
ren lu yao shen zhong jiang cui tan fan jin shi qian kong bai mao qiu qin gu hou shao meng long wan
duan lei jia yin yi chang qiao lai gong wen
zhangwei wangwei wangfang liwei lina zhangmin lijing wangjing liuwei wangxiuying zhangli lixiuying
wangli zhangjing zhangxiuying liqiang wangmin limin wanglei liuyang wangyan wangyong lijun zhangyong
lijie zhangjie zhanglei wangqiang lijun wangjun zhangyan zhangtao wangtao liyan wangchao liming
liyong zhangyang chenjing
`.trim().split(/\s+/);

/** Whole passwords that survive a class check yet top every leak list (compared in lower case). */
const WHOLE = `
password1 password123 password@123 passw0rd p@ssw0rd p@ssword p@ssword1 p@ssw0rd1 passw0rd! admin123 admin@123
admin#123 admin!23 admin888 admin@888 root@123 root123! test@123 abc@123 abc12345 abcd1234 abcd@1234 abc@1234
aa123456 aa123456! a1234567 a12345678 a123456! 1234qwer 1qaz2wsx 1qaz@wsx 1qaz!qaz 1q2w3e4r 1q2w3e4r5t
1q2w3e 1q2w3e! q1w2e3r4 q1w2e3r4t5 qaz123wsx zaq12wsx woaini1314 woaini520 iloveyou1 iloveyou! welcome1
welcome@1 zxcvbnm1 qq123456 qq5201314 5201314a 1314520a letmein1 12345678a 123456789a 123qwe!@# qweasd123
qwe123!@# p@55w0rd p@55word pa$$word pa$$w0rd trustno1 changeme1 changeme!
`.trim().split(/\s+/);

const WORDS = new Set(BASE_WORDS);
const WHOLE_SET = new Set(WHOLE);

/** Runs of neighbouring keys or sequence members; each also read backwards. */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  '`1234567890-=',
  'qwertyuiop[]',
  'asdfghjkl;\'',
  'zxcvbnm,./',
  '1qaz', '2wsx', '3edc', '4rfv', '5tgb', '6yhn', '7ujm', '8ik,', '9ol.', '0p;/',
  'qaz', 'wsx', 'edc', 'rfv', 'tgb', 'yhn', 'ujm',
];
const PAIRS = new Set<string>();
for (const s of SEQUENCES) {
  for (let i = 0; i + 1 < s.length; i++) {
    PAIRS.add(s[i]! + s[i + 1]!);
    PAIRS.add(s[i + 1]! + s[i]!);
  }
}

/** Shifted number-row symbols typed as if they were the digits (Abc!@#123 is a walk). */
const SHIFTED: Record<string, string> = { '!': '1', '@': '2', '#': '3', $: '4', '%': '5', '^': '6', '&': '7', '*': '8', '(': '9', ')': '0' };
/** Common leet substitutions, undone before looking up the base word. */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't', '8': 'b', '9': 'g' };

/** Splits into runs of repeated characters or keyboard/sequence neighbours. */
function runs(pw: string): number {
  const s = [...pw.toLowerCase()].map((c) => SHIFTED[c] ?? c);
  if (s.length === 0) return 0;
  let count = 1;
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1]!;
    const b = s[i]!;
    if (a !== b && !PAIRS.has(a + b)) count++;
  }
  return count;
}

/** True when the password is, on average, three or more predictable keystrokes per run (Qwer1234!, Abc123!@#). */
export function isKeyboardPattern(pw: string): boolean {
  return runs(pw) * 3 <= pw.length;
}

/** The letters part once digits and symbols at either end (a year, 123, !) are stripped. */
function core(pw: string): string {
  return pw.toLowerCase().replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
}

const unleet = (s: string) => [...s].map((c) => LEET[c] ?? c).join('');

/** A known base word (possibly doubled) after stripping decorations and undoing leet. */
function isDecoratedWord(pw: string): boolean {
  const c = core(pw);
  if (c.length <= 2) return true; // nothing but digits and symbols around one or two letters
  for (const candidate of [c, unleet(c), c.replace(/[^\p{L}]/gu, '')]) {
    if (WORDS.has(candidate)) return true;
    const half = candidate.length / 2;
    if (Number.isInteger(half) && candidate.slice(0, half) === candidate.slice(half) && WORDS.has(candidate.slice(0, half))) return true;
  }
  return false;
}

/** Whether a password is too common to allow, whatever its length and classes. */
export function isCommonPassword(pw: string): boolean {
  const lower = pw.toLowerCase();
  return WHOLE_SET.has(lower) || isDecoratedWord(pw) || isKeyboardPattern(pw);
}

/** For tests and documentation: how many base words and whole passwords the list holds. */
export const BLOCKLIST_SIZE = WORDS.size + WHOLE_SET.size;
