package dev.keyhole.account;

import dev.keyhole.ratelimit.LimitedPerAddress;
import dev.keyhole.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ente's SRP endpoints: attributes, create-session and verify-session are public (and limited per client
 * address); the rest need a token.
 */
@RestController
class SrpController {

    record AttributesResponse(SrpLoginService.SrpAttributes attributes) {}

    record CreateSessionRequest(
            @Nullable UUID srpUserID, @Nullable String srpA) {}

    record CreateSessionResponse(UUID sessionID, String srpB) {}

    record VerifySessionRequest(
            @Nullable UUID sessionID,
            @Nullable UUID srpUserID,
            @Nullable String srpM1) {}

    record SetupRequest(
            @Nullable UUID srpUserID,
            @Nullable String srpSalt,
            @Nullable String srpVerifier,
            @Nullable String srpA) {}

    record CompleteRequest(@Nullable UUID setupID, @Nullable String srpM1) {}

    record UpdateRequest(
            @Nullable UUID setupID,
            @Nullable String srpM1,
            SrpSetupService.@Nullable UpdatedKek updatedKeyAttr,
            @Nullable Boolean logOutOtherDevices) {}

    private final SrpLoginService login;
    private final SrpSetupService setup;

    SrpController(SrpLoginService login, SrpSetupService setup) {
        this.login = login;
        this.setup = setup;
    }

    @GetMapping("/users/srp/attributes")
    @LimitedPerAddress("srp-attributes")
    AttributesResponse attributes(@RequestParam(required = false) @Nullable String email) {
        return new AttributesResponse(login.attributes(email));
    }

    @PostMapping("/users/srp/create-session")
    @LimitedPerAddress("srp-create-session")
    CreateSessionResponse createSession(@RequestBody CreateSessionRequest request, HttpServletRequest http) {
        SrpSessions.Started started =
                login.createSession(request.srpUserID(), request.srpA(), ClientAddress.keyOf(http.getRemoteAddr()));
        return new CreateSessionResponse(
                started.sessionId(), Base64.getEncoder().encodeToString(started.publicB()));
    }

    @PostMapping("/users/srp/verify-session")
    @LimitedPerAddress("srp-verify-session")
    EmailAuthorizationResponse verifySession(@RequestBody VerifySessionRequest request, HttpServletRequest http) {
        return login.verifySession(request.sessionID(), request.srpUserID(), request.srpM1(), ClientInfo.of(http));
    }

    @PostMapping("/users/srp/setup")
    SrpSetupService.Started setup(@AuthenticationPrincipal CurrentUser user, @RequestBody SetupRequest request) {
        return setup.setup(
                user.userId(), request.srpUserID(), request.srpSalt(), request.srpVerifier(), request.srpA());
    }

    @PostMapping("/users/srp/complete")
    SrpSetupService.Completed complete(
            @AuthenticationPrincipal CurrentUser user, @RequestBody CompleteRequest request) {
        return setup.complete(user.userId(), request.setupID(), request.srpM1());
    }

    @PostMapping("/users/srp/update")
    SrpSetupService.Completed update(@AuthenticationPrincipal CurrentUser user, @RequestBody UpdateRequest request) {
        return setup.update(
                user, request.setupID(), request.srpM1(), request.updatedKeyAttr(), request.logOutOtherDevices());
    }
}
