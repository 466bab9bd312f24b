/**
 * VERIFY.txt: how anyone checks a bundle with standard tools alone
 * (docs/spec/bundle-format.md), always in English, Russian and Kazakh together,
 * whatever language the report is in: the file travels to readers whose
 * language the exporter cannot know.
 */
import { standardToolsCheck } from '../../../shared/bagit';

/** The commands, indented as a block of the text file. */
const commands = [standardToolsCheck.manifests, standardToolsCheck.fingerprint, standardToolsCheck.signature]
  .join('\n')
  .replace(/^/gm, '  ');
const timeStampCommands = standardToolsCheck.timeStamp.replace(/^/gm, '  ');
const { powershell } = standardToolsCheck;
/** The same check in PowerShell (Windows PowerShell 5.1 or PowerShell 7), which has no sha256sum, printf, cut or `<`. */
const powershellCommands = [powershell.manifests, powershell.fingerprint, powershell.signature].join('\n').replace(/^/gm, '  ');
const powershellOpenssl = powershell.openssl.replace(/^/gm, '  ');

export function verifyInstructions(bundleId: string, fingerprint: string): string {
  return `Dalel evidence bundle ${bundleId}
Signer's key fingerprint: ${fingerprint}

== English ==
This folder is a BagIt 1.0 bag signed with an OpenSSH key. To check that no
file was added, removed or changed since it was signed, open a terminal in
this folder (Linux, macOS; OpenSSH 8.1 or newer) and run:

${commands}

Each file must print "OK", and the last command must print "Good
"dalel-bundle" signature".

On Windows, open PowerShell in this folder (Windows PowerShell 5.1 or
PowerShell 7) and first run ${powershell.version}: it must show OpenSSH 8.1 or newer.
Windows 11 has it; the OpenSSH built into Windows 10 is 7.7 on older builds,
which is too old. If it is older or ssh is not found, install Microsoft's
OpenSSH (the Win32-OpenSSH release), or check the bundle in a browser with
the Dalel verifier page, dalel-verify.html, published with its sha256 beside
each release. Then run:

${powershellCommands}

Each file must print "OK" and the count at the end must read "Failures: 0";
the last command must print "Good "dalel-bundle" signature". Run it as written,
through cmd: piping the file into ssh-keygen in PowerShell changes its
bytes, and a good signature then fails.

Either way, compare the fingerprint that ssh-keygen -lf prints with the one
the signer gave you through another channel (in person, by phone): only that
comparison tells you who signed.

If the folder holds tagmanifest-sha256.txt.tsr, it is a proof of time (RFC
3161): a time-stamp authority signed the moment at which the tag manifest,
and so every file above, existed. With OpenSSL and the authority's CA
certificate (from the authority, not from this bundle):

${timeStampCommands}

The first command shows the time ("Time stamp") and the authority; the
second must print "Verification: OK". Both run as they are in PowerShell.
On Windows, OpenSSL comes with Git for Windows (usually
C:\\Program Files\\Git\\usr\\bin\\openssl.exe); to use it in PowerShell, first run:

${powershellOpenssl}

== Русский ==
Эта папка — пакет BagIt 1.0, подписанный ключом OpenSSH. Чтобы убедиться, что
после подписания ни один файл не был добавлен, удалён или изменён, откройте
терминал в этой папке (Linux, macOS; OpenSSH 8.1 или новее) и выполните:

${commands}

Для каждого файла должно быть выведено «OK», а последняя команда должна
вывести «Good "dalel-bundle" signature».

В Windows откройте PowerShell в этой папке (Windows PowerShell 5.1 или
PowerShell 7) и сначала выполните ${powershell.version}: версия OpenSSH должна быть 8.1
или новее. В Windows 11 это так; встроенный в Windows 10 OpenSSH в старых
сборках — 7.7, этого недостаточно. Если версия старше или ssh не найден,
установите OpenSSH от Microsoft (выпуск Win32-OpenSSH) или проверьте пакет в
браузере страницей проверки Dalel — dalel-verify.html, которая публикуется
со своим sha256 рядом с каждым выпуском. Затем выполните:

${powershellCommands}

Для каждого файла должно быть выведено «OK», а итог в конце — «Failures: 0»;
последняя команда должна вывести «Good "dalel-bundle" signature». Выполните её именно
так, через cmd: если передать файл в ssh-keygen конвейером PowerShell, его
байты изменятся, и верная подпись не пройдёт проверку.

В обоих случаях сравните отпечаток ключа, который выводит ssh-keygen -lf, с
отпечатком, который подписант сообщил вам по другому каналу (лично, по
телефону): только такое сравнение позволяет установить, кто подписал.

Если в папке есть tagmanifest-sha256.txt.tsr, это доказательство времени
(RFC 3161): служба меток времени подписала момент, когда служебный манифест, а
значит и все файлы выше, уже существовали. С OpenSSL и сертификатом
удостоверяющего центра службы (полученным от службы, а не из этого пакета):

${timeStampCommands}

Первая команда показывает время («Time stamp») и службу; вторая должна
вывести «Verification: OK». В PowerShell обе выполняются как есть. В Windows
OpenSSL входит в Git for Windows (обычно
C:\\Program Files\\Git\\usr\\bin\\openssl.exe); чтобы вызвать его из PowerShell,
сначала выполните:

${powershellOpenssl}

== Қазақша ==
Бұл қалта — OpenSSH кілтімен қол қойылған BagIt 1.0 пакеті. Қол қойылғаннан
кейін бірде-бір файл қосылмағанын, жойылмағанын немесе өзгертілмегенін тексеру
үшін осы қалтада терминал ашып (Linux, macOS; OpenSSH 8.1 немесе одан кейінгі нұсқасы),
мына командаларды орындаңыз:

${commands}

Әр файл «OK» деп шығуы керек, ал соңғы команда «Good "dalel-bundle"
signature» деп шығаруы керек.

Windows жүйесінде осы қалтада PowerShell ашыңыз (Windows PowerShell 5.1 немесе
PowerShell 7) да, алдымен ${powershell.version} орындаңыз: OpenSSH нұсқасы 8.1 немесе
одан кейінгі болуы керек. Windows 11 жүйесінде солай; Windows 10-ға кірістірілген
OpenSSH ескі жинақтарында 7.7, бұл жеткіліксіз. Нұсқа ескі болса немесе ssh
табылмаса, Microsoft-тың OpenSSH-ын (Win32-OpenSSH шығарылымын) орнатыңыз
немесе пакетті браузерде Dalel тексеру бетімен тексеріңіз: ол — әр
шығарылымның жанында өз sha256 мәнімен жарияланатын dalel-verify.html беті.
Содан кейін мына командаларды орындаңыз:

${powershellCommands}

Әр файл «OK» деп шығуы керек, ал соңындағы қорытынды «Failures: 0» болуы
керек; соңғы команда «Good "dalel-bundle" signature» деп шығаруы керек.
Соңғы команданы дәл осылай, cmd арқылы орындаңыз: файлды ssh-keygen-ге
PowerShell конвейері арқылы берсеңіз, оның байттары өзгереді де, дұрыс
қолтаңба тексеруден өтпейді.

Қай жағдайда да ssh-keygen -lf шығарған кілт таңбасын қол қоюшы сізге басқа
арна арқылы (жеке кездесуде, телефон арқылы) берген кілт таңбасымен
салыстырыңыз: қол қоюшының кім екенін тек осылай салыстыру арқылы анықтауға
болады.

Егер қалтада tagmanifest-sha256.txt.tsr болса, бұл — уақыттың дәлелі (RFC
3161): уақыт белгісі қызметі қызметтік манифест, демек жоғарыдағы барлық
файлдар, болған сәтке қол қойған. OpenSSL және қызметтің куәландырушы
орталығының сертификатымен (осы пакеттен емес, қызметтің өзінен алынған):

${timeStampCommands}

Бірінші команда уақытты («Time stamp») және қызметті көрсетеді; екіншісі
«Verification: OK» деп шығаруы керек. PowerShell-де екеуі де өзгеріссіз
орындалады. Windows жүйесінде OpenSSL Git for Windows құрамында келеді (әдетте
C:\\Program Files\\Git\\usr\\bin\\openssl.exe); оны PowerShell-ден шақыру үшін
алдымен мынаны орындаңыз:

${powershellOpenssl}
`;
}
