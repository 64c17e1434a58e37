package cn.bureau.subsidy.program;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.identity.Callers;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/programs")
class ProgramController {

    private final ProgramPublisher publisher;
    private final ProgramRepository programs;
    private final Callers callers;

    ProgramController(ProgramPublisher publisher, ProgramRepository programs, Callers callers) {
        this.publisher = publisher;
        this.programs = programs;
        this.callers = callers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('program-managers')")
    ProgramView publish(@Valid @RequestBody ProgramRequest request) {
        return ProgramView.of(publisher.publish(request, callers.current()));
    }

    /** Every published program, the latest filing window first: the portal shows which ones are open. */
    @GetMapping
    List<ProgramView> list() {
        return programs.findAll(Sort.by(Sort.Direction.DESC, "filingClosesAt")).stream().map(ProgramView::of).toList();
    }

    @GetMapping("/{code}")
    ProgramView get(@PathVariable String code) {
        return programs.findByCode(code).map(ProgramView::of)
                .orElseThrow(() -> ApiException.notFound("Program", code));
    }
}
