package org.brevet.protocol.cmc;

import static org.assertj.core.api.Assertions.assertThat;

import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.Test;

class CmcFailuresTest {
    @Test
    void eachErrorKind_mapsToTheCmcFailInfoDogtagUses() {
        assertThat(CmcFailures.failInfo(ErrorKind.MALFORMED)).isEqualTo(CmcFailInfo.BAD_REQUEST);
        assertThat(CmcFailures.failInfo(ErrorKind.BAD_SIGNATURE)).isEqualTo(CmcFailInfo.BAD_MESSAGE_CHECK);
        assertThat(CmcFailures.failInfo(ErrorKind.BAD_POP)).isEqualTo(CmcFailInfo.POP_FAILED);
        assertThat(CmcFailures.failInfo(ErrorKind.UNAUTHORIZED)).isEqualTo(CmcFailInfo.BAD_IDENTITY);
        assertThat(CmcFailures.failInfo(ErrorKind.REJECTED_BY_POLICY)).isEqualTo(CmcFailInfo.BAD_REQUEST);
        assertThat(CmcFailures.failInfo(ErrorKind.UNAVAILABLE)).isEqualTo(CmcFailInfo.TRY_LATER);
        assertThat(CmcFailures.failInfo(ErrorKind.INTERNAL)).isEqualTo(CmcFailInfo.INTERNAL_CA_ERROR);
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(CmcFailures.failInfo(kind)).isNotNull();
        }
    }

    @Test
    void failInfoCodes_matchRfc5272() {
        assertThat(CmcFailInfo.BAD_MESSAGE_CHECK.code()).isEqualTo(1);
        assertThat(CmcFailInfo.BAD_IDENTITY.code()).isEqualTo(7);
        assertThat(CmcFailInfo.POP_REQUIRED.text()).isEqualTo("POP required");
        assertThat(CmcFailInfo.POP_FAILED.code()).isEqualTo(9);
        assertThat(CmcStatus.PENDING.code()).isEqualTo(3);
    }
}
