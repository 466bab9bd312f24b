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

export function verifyInstructions(bundleId: string, fingerprint: string): string {
  return `Dalel evidence bundle ${bundleId}
Signer's key fingerprint: ${fingerprint}

== English ==
This folder is a BagIt 1.0 bag signed with an OpenSSH key. To check that no
file was added, removed or changed since it was signed, open a terminal in
this folder (OpenSSH 8.1 or newer: Linux, macOS, Windows 10+) and run:

${commands}

Each file must print "OK", and the last command must print "Good
"dalel-bundle" signature". Compare the fingerprint that ssh-keygen -lf prints
with the one the signer gave you through another channel (in person, by
phone): only that comparison tells you who signed.

If the folder holds tagmanifest-sha256.txt.tsr, it is a proof of time (RFC
3161): a time-stamp authority signed the moment at which the tag manifest,
and so every file above, existed. With OpenSSL and the authority's CA
certificate (from the authority, not from this bundle):

${timeStampCommands}

The first command shows the time ("Time stamp") and the authority; the
second must print "Verification: OK".

== Русский ==
Эта папка — пакет BagIt 1.0, подписанный ключом OpenSSH. Чтобы убедиться, что
после подписания ни один файл не был добавлен, удалён или изменён, откройте
терминал в этой папке (OpenSSH 8.1 или новее: Linux, macOS, Windows 10+) и
выполните:

${commands}

Каждый файл должен дать «OK», а последняя команда — «Good "dalel-bundle"
signature». Сравните отпечаток, который выводит ssh-keygen -lf, с отпечатком,
который подписавший сообщил вам по другому каналу (лично, по телефону): только
это сравнение говорит, кто подписал.

Если в папке есть tagmanifest-sha256.txt.tsr, это доказательство времени
(RFC 3161): служба меток времени подписала момент, когда служебный манифест, а
значит и все файлы выше, уже существовали. С OpenSSL и сертификатом
удостоверяющего центра службы (полученным от службы, а не из этого пакета):

${timeStampCommands}

Первая команда показывает время («Time stamp») и службу; вторая должна
вывести «Verification: OK».

== Қазақша ==
Бұл қалта — OpenSSH кілтімен қол қойылған BagIt 1.0 пакеті. Қол қойылғаннан
кейін бірде-бір файл қосылмағанын, жойылмағанын немесе өзгертілмегенін тексеру
үшін осы қалтада терминал ашып (OpenSSH 8.1 немесе жаңарақ: Linux, macOS,
Windows 10+), мына командаларды орындаңыз:

${commands}

Әр файл «OK» деп шығуы керек, ал соңғы команда «Good "dalel-bundle"
signature» деп шығаруы керек. ssh-keygen -lf шығарған саусақ ізін қол қоюшы сізге
басқа арна арқылы (жеке өзі, телефонмен) берген саусақ ізімен салыстырыңыз: кім
қол қойғанын тек осы салыстыру ғана айтады.

Егер қалтада tagmanifest-sha256.txt.tsr болса, бұл — уақыттың дәлелі (RFC
3161): уақыт белгісі қызметі қызметтік манифест, демек жоғарыдағы барлық
файлдар, болған сәтке қол қойған. OpenSSL және қызметтің куәландырушы
орталығының сертификатымен (осы пакеттен емес, қызметтің өзінен алынған):

${timeStampCommands}

Бірінші команда уақытты («Time stamp») және қызметті көрсетеді; екіншісі
«Verification: OK» деп шығаруы керек.
`;
}
